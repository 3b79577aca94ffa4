// Keyboard shortcuts for the counter (N, R, P, U, K). Keys typed into text fields are left alone.
const shortcutKeys = new Set(["n", "r", "p", "u", "k"]);
const handlers = new Map();
let nextId = 1;

function isTyping(target) {
    if (!target) {
        return false;
    }
    const tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

export function register(dotNetRef) {
    const id = nextId++;
    const handler = (event) => {
        if (event.ctrlKey || event.altKey || event.metaKey || event.repeat || isTyping(event.target)) {
            return;
        }
        const key = (event.key || "").toLowerCase();
        if (!shortcutKeys.has(key)) {
            return;
        }
        event.preventDefault();
        dotNetRef.invokeMethodAsync("OnShortcut", key);
    };
    document.addEventListener("keydown", handler);
    handlers.set(id, handler);
    return id;
}

export function unregister(id) {
    const handler = handlers.get(id);
    if (handler) {
        document.removeEventListener("keydown", handler);
        handlers.delete(id);
    }
}
