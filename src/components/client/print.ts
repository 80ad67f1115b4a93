/**
 * Opens every data table (<details>) before printing, so a printed kecamatan or kampung page
 * carries its tables; closed <details> content would not print.
 */
export function printOpensDetails(): void {
	window.addEventListener('beforeprint', () => {
		document.querySelectorAll('details').forEach((d) => (d.open = true));
	});
}
