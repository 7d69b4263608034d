// What every part of the live chat shares: the room element, its data-* settings, the
// page's Socket.IO connection and one mutable `state`. Nothing else keeps state.
export const root = document.querySelector("[data-chat]");
export const socket = window.AlumniHub && window.AlumniHub.socket;
// main.js starts nothing without both; the other modules only run after that check.
export const ready = Boolean(root && socket);

const data = ready ? root.dataset : {};
export const T = JSON.parse(data.strings || "{}");
export const REACTIONS = JSON.parse(data.reactions || "[]");
export const MUTE_CHOICES = JSON.parse(data.muteChoices || "[]");
export const me = Number(data.userId);
export const lang = document.documentElement.lang || "de";
export function el(name) { return root.querySelector("[data-chat-" + name + "]"); }
export const list = ready ? el("messages") : null;
export const input = ready ? el("input") : null;
export const form = ready ? el("form") : null;
export const outboxKey = ["alumnihub.chat.outbox", data.kind, data.refId, me].join(".");

export const state = {
  room: null, lastSeq: 0, changeSeq: Number(data.changeSeq), first: true,
  messages: {}, people: {}, mutes: [], inFlight: {}, replyTo: null, syncing: false, typingAt: 0,
  typists: {}, canModerate: data.canModerate === "true"
};
