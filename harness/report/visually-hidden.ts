// Text said to a screen reader and not shown, on both pages (the run and plan reports, the trainer view): one rule,
// so the two hide it alike. Kept in the layout (no display: none, which a screen reader skips too).
export const VISUALLY_HIDDEN_CSS = '.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }';
