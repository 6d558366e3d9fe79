// A small SVG drawing of a scenario's map: countries, roads and sites, so an instructor can see the
// ground at a glance before choosing. The full live map is drawn by Phaser in the exercise view.
type P = readonly [number, number];
export interface MapData {
  extent: { width: number; height: number };
  countries: { code: string; polygon: P[] }[];
  roads: { id: string; points: P[] }[];
  sites: { id: string; name: Record<string, string | undefined>; tags: string[]; at?: P; area?: P[] }[];
}

const FILL = ["#dfe8d0", "#f1e3c8", "#d6e3ef", "#ead6e4", "#e4e4d0", "#d8ece6"];
const NS = "http://www.w3.org/2000/svg";

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function mapPreview(map: MapData, lang: string): SVGSVGElement {
  const { width: w, height: h } = map.extent;
  const svg = el("svg", { viewBox: `0 0 ${w} ${h}`, class: "map", preserveAspectRatio: "xMidYMid meet", role: "img" }) as SVGSVGElement;
  const flip = (p: P) => `${p[0]},${h - p[1]}`; // map y runs north, SVG y runs down
  const unit = Math.max(w, h) / 200;
  map.countries.forEach((c, k) => {
    svg.append(el("polygon", { points: c.polygon.map(flip).join(" "), fill: FILL[k % FILL.length] as string, stroke: "#7a8596", "stroke-width": unit * 0.6, "stroke-dasharray": `${unit * 3} ${unit * 1.5}` }));
  });
  for (const r of map.roads) svg.append(el("polyline", { points: r.points.map(flip).join(" "), fill: "none", stroke: "#c0504d", "stroke-width": unit * 0.9, "stroke-linejoin": "round" }));
  for (const s of map.sites) {
    const title = s.name[lang] ?? s.name.en ?? s.id;
    const color = s.tags.includes("private_premises") ? "#b3261e" : s.tags.includes("pccc") || s.tags.includes("spoc") ? "#003399" : "#333";
    const g = el("g", {});
    g.append(el("title", {}, title));
    if (s.area) g.append(el("polygon", { points: s.area.map(flip).join(" "), fill: color, "fill-opacity": 0.35, stroke: color, "stroke-width": unit * 0.4 }));
    else if (s.at) g.append(el("circle", { cx: s.at[0], cy: h - s.at[1], r: unit * 1.6, fill: color }));
    svg.append(g);
  }
  map.countries.forEach((c) => {
    const xs = c.polygon.map((p) => p[0]);
    const ys = c.polygon.map((p) => p[1]);
    const cx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const cy = ys.reduce((a, b) => a + b, 0) / ys.length;
    svg.append(el("text", { x: cx, y: h - cy, "font-size": unit * 8, "font-weight": 700, fill: "#5b6675", "text-anchor": "middle", opacity: 0.7 }, c.code));
  });
  return svg;
}
