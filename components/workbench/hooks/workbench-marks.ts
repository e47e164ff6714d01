/** Performance marks of a page load, read by `npm run bench` (tests/bench/measure-page.ts) to say where the time goes. */
export const WORKBENCH_MARKS = { hydrated: "workbench:hydrated", editorStart: "workbench:editor-start", highlightsDrawn: "workbench:highlights-drawn" } as const;
