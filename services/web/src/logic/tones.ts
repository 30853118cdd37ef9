/** Text, background and border of each tone; the text passes AA on the background and on white. */
export const TONES = {
  green: { text: '#135200', background: '#f6ffed', border: '#95de64' },
  gold: { text: '#613400', background: '#fffbe6', border: '#ffd666' },
  blue: { text: '#003eb3', background: '#e6f4ff', border: '#69b1ff' },
  red: { text: '#a8071a', background: '#fff1f0', border: '#ff7875' },
  grey: { text: '#3d3d3d', background: '#f5f5f5', border: '#bfbfbf' },
  purple: { text: '#391085', background: '#f9f0ff', border: '#b37feb' },
  volcano: { text: '#871400', background: '#fff2e8', border: '#ff9c6e' },
} as const;
export type Tone = keyof typeof TONES;
