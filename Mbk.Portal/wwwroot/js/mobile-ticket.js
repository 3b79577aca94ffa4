// The mobile ticket (/t/{code}): vibration and a short sound when the visitor's number is called.
// Phones keep audio blocked until the page has had a tap, so the first tap anywhere unlocks it; without a tap the
// call still shows full screen and vibrates where the phone supports it. Nothing here may break the page.

let audioContext = null;

function getContext() {
    if (audioContext === null) {
        const Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) {
            return null;
        }
        audioContext = new Context();
    }
    return audioContext;
}

function unlockInGesture() {
    try {
        const context = getContext();
        if (context && context.state !== "running") {
            context.resume().catch(error => console.debug("mobile ticket: audio not resumed", error));
        }
    } catch (error) {
        console.debug("mobile ticket: audio not resumed", error);
    }
}

document.addEventListener("pointerdown", unlockInGesture, { capture: true, passive: true });
document.addEventListener("keydown", unlockInGesture, { capture: true, passive: true });

function beep(context, frequency, start, duration) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + duration + 0.05);
}

/** The number was called: vibrate where supported and, once the visitor has tapped, play a two-tone signal. */
export function announceCall() {
    try {
        if (typeof navigator.vibrate === "function") {
            navigator.vibrate([400, 200, 400, 200, 400]);
        }
    } catch (error) {
        console.debug("mobile ticket: no vibration", error);
    }
    try {
        const context = getContext();
        if (context !== null && context.state === "running") {
            const now = context.currentTime;
            beep(context, 880, now, 0.35);
            beep(context, 660, now + 0.45, 0.5);
        }
    } catch (error) {
        console.debug("mobile ticket: no sound", error);
    }
}
