// Charts as inline SVG strings, drawn at build time: no script, no library in the page, nothing
// fetched, and they print like text. Two shapes cover the report: horizontal bars (categories,
// rules, groups) and columns over time (the trend). d3-array supplies the "nice" axis ticks.
// Colours are Okabe–Ito, chosen to stay distinct for the common kinds of colour blindness.
import { nice, ticks } from 'd3-array';
import type { Severity } from '../types.js';
import { esc } from './escape.js';

export const PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#6B6B6B',
} as const;

export const SEVERITY_COLOR: Record<Severity, string> = { error: PALETTE.vermillion, warning: PALETTE.orange, info: PALETTE.skyBlue };

export interface Bar {
  label: string;
  value: number;
  color?: string;
  /** Shown after the value, e.g. "(12 notes)". */
  note?: string;
}

const WIDTH = 640;
const FONT = 13;
/** Average glyph width of the system sans-serif at 13px; labels are sized from it. */
const CHAR = 7.2;

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function truncate(label: string, chars: number): string {
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}

function svgOpen(id: string, title: string, height: number): string {
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-t" xmlns="http://www.w3.org/2000/svg" font-size="${FONT}"><title id="${id}-t">${esc(title)}</title>`;
}

/** Horizontal bars, largest first as given, with the value at the end of each bar. */
export function barChart(id: string, title: string, bars: readonly Bar[], options: { digits?: number; axisLabel: string }): string {
  const digits = options.digits ?? 0;
  const labelChars = Math.min(34, Math.max(6, ...bars.map((b) => b.label.length)));
  const left = Math.ceil(labelChars * CHAR) + 12;
  const valueRoom = Math.max(...bars.map((b) => `${formatNumber(b.value, digits)} ${b.note ?? ''}`.length)) * CHAR + 10;
  const plot = WIDTH - left - valueRoom;
  const row = 24;
  const top = 6;
  const height = top + bars.length * row + 36;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const [, domainMax] = nice(0, max || 1, 5);
  const x = (v: number) => left + (v / domainMax) * plot;
  const out = [svgOpen(id, title, height)];
  const axisY = top + bars.length * row;
  for (const t of ticks(0, domainMax, 5)) {
    out.push(
      `<line class="grid" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${axisY}"/>`,
      `<text class="tick" x="${x(t).toFixed(1)}" y="${axisY + 15}" text-anchor="middle">${esc(formatNumber(t, Number.isInteger(t) ? 0 : 1))}</text>`,
    );
  }
  bars.forEach((b, i) => {
    const y = top + i * row;
    const w = Math.max(b.value > 0 ? 1.5 : 0, x(b.value) - left);
    out.push(
      `<g class="bar"><title>${esc(`${b.label}: ${formatNumber(b.value, digits)}${b.note ? ` ${b.note}` : ''}`)}</title>`,
      `<text class="label" x="${left - 8}" y="${y + row / 2 + 4}" text-anchor="end">${esc(truncate(b.label, labelChars))}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" rx="2" fill="${b.color ?? PALETTE.blue}"/>`,
      `<text class="value" x="${(left + w + 6).toFixed(1)}" y="${y + row / 2 + 4}">${esc(formatNumber(b.value, digits))}${b.note ? `<tspan class="muted"> ${esc(b.note)}</tspan>` : ''}</text></g>`,
    );
  });
  out.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${axisY}"/>`);
  out.push(`<text class="axis-label" x="${left + plot / 2}" y="${height - 4}" text-anchor="middle">${esc(options.axisLabel)}</text></svg>`);
  return out.join('');
}

export interface Column {
  label: string;
  /** null: no notes in that period (drawn as a gap, not as zero). */
  value: number | null;
}

/** Columns over time, oldest left; labels thinned so they never overlap. */
export function columnChart(id: string, title: string, columns: readonly Column[], options: { digits?: number; axisLabel: string }): string {
  const digits = options.digits ?? 1;
  const left = 48;
  const right = 12;
  const top = 16;
  const plotHeight = 200;
  const height = top + plotHeight + 48;
  const plot = WIDTH - left - right;
  const max = Math.max(0, ...columns.map((c) => c.value ?? 0));
  const [, domainMax] = nice(0, max || 1, 5);
  const y = (v: number) => top + plotHeight - (v / domainMax) * plotHeight;
  const step = plot / Math.max(1, columns.length);
  const barWidth = Math.max(2, Math.min(48, step * 0.7));
  const longest = Math.max(1, ...columns.map((c) => c.label.length));
  const every = Math.max(1, Math.ceil((longest * CHAR + 8) / step));
  const showValues = columns.length <= 16;
  const out = [svgOpen(id, title, height)];
  for (const t of ticks(0, domainMax, 5)) {
    out.push(
      `<line class="grid" x1="${left}" x2="${WIDTH - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`,
      `<text class="tick" x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${esc(formatNumber(t, Number.isInteger(t) ? 0 : 1))}</text>`,
    );
  }
  columns.forEach((c, i) => {
    const cx = left + step * i + step / 2;
    if (c.value !== null) {
      const h = Math.max(c.value > 0 ? 1.5 : 0, top + plotHeight - y(c.value));
      out.push(
        `<g class="bar"><title>${esc(`${c.label}: ${formatNumber(c.value, digits)}`)}</title>`,
        `<rect x="${(cx - barWidth / 2).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" rx="2" fill="${PALETTE.blue}"/>`,
        showValues
          ? `<text class="value" x="${cx.toFixed(1)}" y="${(top + plotHeight - h - 5).toFixed(1)}" text-anchor="middle">${esc(formatNumber(c.value, digits))}</text>`
          : '',
        '</g>',
      );
    } else {
      out.push(`<text class="muted" x="${cx.toFixed(1)}" y="${top + plotHeight - 4}" text-anchor="middle">–</text>`);
    }
    if (i % every === 0) out.push(`<text class="tick" x="${cx.toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle">${esc(c.label)}</text>`);
  });
  out.push(`<line class="axis" x1="${left}" x2="${WIDTH - right}" y1="${top + plotHeight}" y2="${top + plotHeight}"/>`);
  out.push(`<text class="axis-label" x="${left + plot / 2}" y="${height - 6}" text-anchor="middle">${esc(options.axisLabel)}</text></svg>`);
  return out.join('');
}
