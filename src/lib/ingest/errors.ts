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
