// Small helpers to build the chat's elements and texts.
import { el, lang } from "./state.js";

export function fmt(template, values) {
  return template.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
}
export function uuid() {
  if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
  var b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
}
export function node(tag, cls, text) {
  var n = document.createElement(tag);
  if (cls) { n.className = cls; }
  if (text !== undefined) { n.textContent = text; }
  return n;
}
export function button(label, onClick, cls) {
  var b = node("button", "chat-button " + (cls || ""), label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}
export function timeLabel(iso) {
  return new Date(iso).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit",
                                                   timeZone: "Europe/Berlin" });
}
export function showError(text) { el("error").textContent = text || ""; }
