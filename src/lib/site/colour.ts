/**
 * Colour arithmetic for checking the tier palette: colour-vision-deficiency simulation (Machado,
 * Oliveira & Fernandes 2009, severity 1), CIELAB, the CIEDE2000 colour difference and the WCAG 2
 * contrast ratio. Used by tests and by the palette module to pick readable text colours.
 */

export type Rgb = [number, number, number];
export type Lab = [number, number, number];
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** `#rrggbb` to 0–255 channels. */
export function hexToRgb(hex: string): Rgb {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`hexToRgb: expected a colour like "#1a2b3c", got "${hex}"`);
	return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function toLinear(c255: number): number {
	const c = c255 / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(l: number): number {
	const c = l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055;
	return Math.min(255, Math.max(0, c * 255));
}

// Machado et al. (2009) matrices for full dichromacy; they act on linear RGB.
const MACHADO: Record<Deficiency, number[]> = {
	protanopia: [
		0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
	],
	deuteranopia: [
		0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
	],
	tritanopia: [
		1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
	],
};

/** How a colour looks to a reader with the given dichromacy (0–255 channels, clamped). */
export function simulate(rgb: Rgb, kind: Deficiency): Rgb {
	const m = MACHADO[kind];
	const [r, g, b] = rgb.map(toLinear) as Rgb;
	return [
		fromLinear(m[0]! * r + m[1]! * g + m[2]! * b),
		fromLinear(m[3]! * r + m[4]! * g + m[5]! * b),
		fromLinear(m[6]! * r + m[7]! * g + m[8]! * b),
	];
}

/** sRGB (D65) to CIELAB. */
export function rgbToLab(rgb: Rgb): Lab {
	const [r, g, b] = rgb.map(toLinear) as Rgb;
	const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
	const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
	const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
	const [fx, fy, fz] = [f(x), f(y), f(z)];
	return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deg = (rad: number) => (rad * 180) / Math.PI;
const rad = (d: number) => (d * Math.PI) / 180;

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1. */
export function deltaE2000(lab1: Lab, lab2: Lab): number {
	const [L1, a1, b1] = lab1;
	const [L2, a2, b2] = lab2;
	const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
	const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
	const a1p = (1 + g) * a1;
	const a2p = (1 + g) * a2;
	const c1p = Math.hypot(a1p, b1);
	const c2p = Math.hypot(a2p, b2);
	const hue = (b: number, a: number) =>
		b === 0 && a === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360;
	const h1p = hue(b1, a1p);
	const h2p = hue(b2, a2p);
	const dLp = L2 - L1;
	const dCp = c2p - c1p;
	let dhp = 0;
	if (c1p * c2p !== 0) {
		dhp = h2p - h1p;
		if (dhp > 180) dhp -= 360;
		else if (dhp < -180) dhp += 360;
	}
	const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(rad(dhp / 2));
	const lBarP = (L1 + L2) / 2;
	const cBarP = (c1p + c2p) / 2;
	let hBarP = h1p + h2p;
	if (c1p * c2p !== 0) {
		if (Math.abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
		else hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
	}
	const t =
		1 -
		0.17 * Math.cos(rad(hBarP - 30)) +
		0.24 * Math.cos(rad(2 * hBarP)) +
		0.32 * Math.cos(rad(3 * hBarP + 6)) -
		0.2 * Math.cos(rad(4 * hBarP - 63));
	const dTheta = 30 * Math.exp(-(((hBarP - 275) / 25) ** 2));
	const rc = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
	const sl = 1 + (0.015 * (lBarP - 50) ** 2) / Math.sqrt(20 + (lBarP - 50) ** 2);
	const sc = 1 + 0.045 * cBarP;
	const sh = 1 + 0.015 * cBarP * t;
	const rt = -Math.sin(rad(2 * dTheta)) * rc;
	return Math.sqrt(
		(dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh),
	);
}

/** WCAG 2 relative luminance. */
export function luminance(rgb: Rgb): number {
	const [r, g, b] = rgb.map(toLinear) as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours (1–21). */
export function contrast(a: string, b: string): number {
	const la = luminance(hexToRgb(a));
	const lb = luminance(hexToRgb(b));
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Smallest CIEDE2000 difference between any two colours, as seen with `kind` (or normal vision). */
export function minPairDifference(hexes: readonly string[], kind?: Deficiency): number {
	const labs = hexes.map((h) => {
		const rgb = hexToRgb(h);
		return rgbToLab(kind ? simulate(rgb, kind) : rgb);
	});
	let min = Infinity;
	for (let i = 0; i < labs.length; i++) {
		for (let j = i + 1; j < labs.length; j++) min = Math.min(min, deltaE2000(labs[i]!, labs[j]!));
	}
	return min;
}
