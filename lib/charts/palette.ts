/** The charts' colours, shared by the page and the PDF so a legend means the same thing in both. */
export const CHART_COLORS = {
  other: '#9db4cc',
  strong: '#c0392b',
  promotion: '#f6d78b',
  promotionText: '#7a5600',
  unexplained: '#d35400',
  explained: '#2e7d32',
  outlier: '#c0392b',
  axis: '#5f6368',
  grid: '#e3e6ea',
  ink: '#1a1a1f',
} as const;
export type ChartColor = keyof typeof CHART_COLORS;
