/**
 * Typed access to mapshaper's Node API. mapshaper ships no type declarations; loading it through
 * `createRequire` keeps its one function we use typed here without a global `declare module`.
 */
import { createRequire } from 'node:module';

/** Input files by name (content as text, Buffer or a parsed GeoJSON/TopoJSON object). */
export type MapshaperInput = Record<string, string | Buffer | object>;
/** Output files of every `-o` command, by file name. */
export type MapshaperOutput = Record<string, string | Buffer>;

type MapshaperApi = {
	applyCommands(commands: string, input?: MapshaperInput): Promise<MapshaperOutput>;
};

const mapshaper = createRequire(import.meta.url)('mapshaper') as MapshaperApi;

/** Runs mapshaper commands on in-memory files and returns the files its `-o` commands wrote. */
export async function runMapshaper(
	commands: string,
	input: MapshaperInput,
): Promise<MapshaperOutput> {
	return mapshaper.applyCommands(commands, input);
}

/** The text of output `name`, or an error naming the outputs there are. */
export function outputText(output: MapshaperOutput, name: string): string {
	const v = output[name];
	if (v === undefined)
		throw new Error(
			`mapshaper wrote no ${name} (outputs: ${Object.keys(output).join(', ') || 'none'})`,
		);
	return typeof v === 'string' ? v : v.toString('utf8');
}
