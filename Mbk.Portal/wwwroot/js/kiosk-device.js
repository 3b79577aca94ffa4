// The registered kiosk's device token, kept in the kiosk browser's own storage (set on /queue/settings).
const key = "mbk-kiosk-device";

export function get() {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage switched off: the kiosk is limited by its address
  }
}

export function set(token, name) {
  window.localStorage.setItem(key, token);
  window.localStorage.setItem(key + "-name", name);
}

export function name() {
  try {
    return window.localStorage.getItem(key + "-name");
  } catch {
    return null;
  }
}

export function clear() {
  window.localStorage.removeItem(key);
  window.localStorage.removeItem(key + "-name");
}
