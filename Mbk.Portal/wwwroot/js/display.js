// Sound for the waiting-room display (/display/{office}): a two-tone chime and a spoken announcement.
// Browsers keep audio blocked until the page has had a user gesture (a tap, a click, a key). Every function here
// fails quietly (a console message only) and returns false when it could not play, so a blocked or missing audio API
// never breaks the page.

let audioContext = null;
let speechPrimed = false;

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

function delay(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

// Called inside the gesture itself, which is what browsers require to start audio.
function resumeInGesture() {
    try {
        const context = getContext();
        if (context && context.state !== "running") {
            context.resume().catch(error => console.debug("display: audio not resumed", error));
        }
        if (!speechPrimed && "speechSynthesis" in window) {
            speechPrimed = true;
            // Chrome also wants a gesture before the first utterance; an empty one unlocks it.
            window.speechSynthesis.speak(new SpeechSynthesisUtterance(""));
        }
    } catch (error) {
        console.debug("display: audio not resumed", error);
    }
}

try {
    document.addEventListener("pointerdown", resumeInGesture, { capture: true, passive: true });
    document.addEventListener("keydown", resumeInGesture, { capture: true, passive: true });
} catch (error) {
    console.debug("display: no gesture listeners", error);
}

/** Whether sound can play now (true on a kiosk browser started with autoplay allowed, or after a gesture). */
export function isUnlocked() {
    try {
        const context = getContext();
        return context !== null && context.state === "running";
    } catch (error) {
        console.debug("display: no audio", error);
        return false;
    }
}

/** After the "Aktivera ljud" click: resumes audio (the click's gesture listener has usually done it already). */
export async function unlock() {
    try {
        const context = getContext();
        if (context === null) {
            return false;
        }
        if (context.state !== "running") {
            // resume() never settles while the browser blocks audio: do not wait for it forever.
            await Promise.race([context.resume(), delay(1000)]);
        }
        return context.state === "running";
    } catch (error) {
        console.warn("display: could not unlock audio", error);
        return false;
    }
}

function tone(context, frequency, start, duration) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.setValueAtTime(frequency, start);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + duration + 0.05);
}

/** A two-tone "ding-dong". Returns whether it could play. */
export function chime() {
    try {
        const context = getContext();
        if (context === null) {
            return false;
        }
        if (context.state !== "running") {
            context.resume().catch(() => { });
            return false;
        }
        const start = context.currentTime + 0.05;
        tone(context, 880, start, 0.7);          // A5
        tone(context, 659.25, start + 0.5, 1.0); // E5
        return true;
    } catch (error) {
        console.warn("display: chime failed", error);
        return false;
    }
}

function pickVoice(lang) {
    const voices = window.speechSynthesis.getVoices() || [];
    const wanted = lang.toLowerCase();
    const base = wanted.split("-")[0];
    return voices.find(v => (v.lang || "").toLowerCase() === wanted)
        || voices.find(v => (v.lang || "").toLowerCase().replace("_", "-").startsWith(base))
        || null;
}

/** Says the text aloud in the language (a BCP 47 tag such as "sv-SE"). Returns whether it was queued. */
export function speak(text, lang) {
    try {
        if (!text || !("speechSynthesis" in window)) {
            return false;
        }
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = lang || "sv-SE";
        const voice = pickVoice(utterance.lang);
        if (voice) {
            utterance.voice = voice;
        }
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
        return true;
    } catch (error) {
        console.warn("display: speech failed", error);
        return false;
    }
}

/** A call: the chime, then (when text is given) the announcement. Returns whether sound is unlocked. */
export function announce(text, lang) {
    try {
        const played = chime();
        if (text) {
            setTimeout(() => speak(text, lang), played ? 1400 : 0);
        }
        return played;
    } catch (error) {
        console.warn("display: announcement failed", error);
        return false;
    }
}
