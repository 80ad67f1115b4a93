/**
 * The one error type of the boundary step: something about the input or the network that the user
 * can fix. The CLI prints its message and exits with `exitCode` (2); anything else is a bug.
 */
export class GeoError extends Error {
	readonly exitCode: number;

	constructor(message: string, exitCode = 2) {
		super(message);
		this.name = 'GeoError';
		this.exitCode = exitCode;
	}
}
