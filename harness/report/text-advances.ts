// How far DejaVu Sans advances for each character, so the charts measure a label as Chromium draws it (on Linux its
// sans-serif and system-ui) rather than by a rough average a letter: that ran 6 to 10% over, and a lane label with
// room for it was cut short. DejaVu is the widest of the common interface fonts (Segoe UI, San Francisco, Roboto and
// Liberation Sans are narrower), so a label measured to fit fits on every screen.

/** Advance widths of ' ' to '~' in font units (2,048 to the em), measured in Chromium. Book, then bold (600). */
const BOOK = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303,
  1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
  1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300,
  1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
];
const BOLD = [
  713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425,
  1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741,
  1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466,
  1458, 702, 702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716,
];
/** The characters past ASCII the charts write (a cut label's ellipsis, a lane's ×20), in the wider weight. */
const WRITTEN: Readonly<Record<string, number>> = { '…': 2048, '×': 1716, '→': 1716, '–': 1024, '—': 2048, '\u00a0': 713 };
/** Anything else (a name's accent, another script): as wide as the widest Latin letter, bold W. */
const UNKNOWN = 2259;
const UNITS_PER_EM = 2048;

/** How far `c` (one character) advances the pen, in ems. */
export function advanceEm(c: string, bold: boolean): number {
  const code = c.codePointAt(0) ?? 0;
  const units = (bold ? BOLD : BOOK)[code - 32] ?? WRITTEN[c] ?? UNKNOWN;
  return units / UNITS_PER_EM;
}
