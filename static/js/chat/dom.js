// Small helpers to build the chat's elements and texts.
import { T, el, lang } from "./state.js";

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
var BERLIN = new Intl.DateTimeFormat("en", {
  timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", hourCycle: "h23"
});
function berlin(date) {
  var parts = {};
  BERLIN.formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
  return parts;
}
// When a mute ends: "14:30" today, "04.12., 14:30" on another day; the same rule and text
// as until_label() in alumni_hub/chat/panel.py, which draws the page.
export function untilLabel(iso) {
  var until = berlin(new Date(iso)), today = berlin(new Date());
  var time = until.hour + ":" + until.minute;
  if (until.year === today.year && until.month === today.month && until.day === today.day) {
    return time;
  }
  return fmt(T.day_time, { day: until.day, month: until.month, time: time });
}
export function showError(text) { el("error").textContent = text || ""; }
