/**
 * An input that cannot be used at all (unreadable, empty, unknown header, required column missing,
 * no snapshot month). The message names the file and says what to do; the CLI prints it and exits 2.
 * Bad rows are not InputErrors: they are rejected one by one and listed in the quality report.
 */
export class InputError extends Error {
	/** The file as the report names it (relative to the input root). */
	readonly file: string;
	readonly detail: string;
	/** Absolute path, when known, for messages relative to the working directory. */
	readonly path: string | null;

	constructor(file: string, detail: string, path: string | null = null) {
		super(`${file}: ${detail}`);
		this.name = 'InputError';
		this.file = file;
		this.detail = detail;
		this.path = path;
	}
}

/**
 * Several inputs that cannot be used, found in one run: every one is listed (one line each) so the
 * data officer fixes them all before running again. `file`, `detail` and `path` are the first's.
 */
export class InputErrors extends InputError {
	readonly errors: readonly InputError[];

	constructor(errors: readonly InputError[]) {
		const first = errors[0]!;
		super(first.file, first.detail, first.path);
		this.name = 'InputErrors';
		this.errors = errors;
		this.message = `${errors.length} input files cannot be used:\n${errors.map((e) => `  ${e.message}`).join('\n')}`;
	}
}

/** The one InputError for `errors`: itself when there is one, else all of them together. */
export function inputErrorOf(errors: readonly InputError[]): InputError {
	return errors.length === 1 ? errors[0]! : new InputErrors(errors);
}
