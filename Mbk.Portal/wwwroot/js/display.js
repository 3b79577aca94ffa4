// Sound for the waiting-room display (/display/{office}): a two-tone chime and a spoken announcement.
// Browsers keep audio blocked until the page has had a user gesture (a tap, a click, a key). Every function here
// fails quietly (a console message only) and returns false when it could not play, so a blocked or missing audio API
// never breaks the page.
//
// Calls reach the page as rendered markup, not as a call from the server: the display renders the latest
// announcements into a hidden list (<ol data-testid="display-announcements">, one <li data-seq data-text> per call)
// and start() watches that list. So a call costs the server one render per screen and nothing more, and a browser that
// is slow or gone holds nothing on the server. Each announcement is also dispatched on the document as the event
// "mbk-display-announce" (detail: { seq, text, played }), for kiosk integrations and the browser tests.

let audioContext = null;
let speechPrimed = false;
let lastSeq = 0;
let soundReported = null;

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
        soundReported = context.state === "running";
        return soundReported;
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


function pendingAnnouncements(list) {
    const items = [];
    for (const item of list.querySelectorAll("li[data-seq]")) {
        const seq = Number(item.dataset.seq);
        if (Number.isFinite(seq) && seq > lastSeq) {
            items.push({ seq, text: item.dataset.text || null });
        }
    }
    return items.sort((a, b) => a.seq - b.seq);
}

function playPending(list, dotNet) {
    for (const { seq, text } of pendingAnnouncements(list)) {
        lastSeq = seq;
        const played = announce(text, "sv-SE");
        document.dispatchEvent(new CustomEvent("mbk-display-announce", { detail: { seq, text, played } }));
        if (played !== soundReported && dotNet) {
            soundReported = played;
            // Only when sound starts or stops working: the server shows or hides "Aktivera ljud".
            dotNet.invokeMethodAsync("OnSoundChanged", played).catch(error => console.debug("display: sound state not sent", error));
        }
    }
}

/**
 * Starts announcing the calls rendered into the list (announcements already in it when the page starts are not
 * played). Returns whether sound can play now.
 */
export function start(list, dotNet) {
    try {
        if (list) {
            for (const { seq } of pendingAnnouncements(list)) {
                lastSeq = Math.max(lastSeq, seq);
            }
            new MutationObserver(() => playPending(list, dotNet)).observe(list, { childList: true, subtree: true, attributes: true });
        }
    } catch (error) {
        console.warn("display: announcements not watched", error);
    }
    soundReported = isUnlocked();
    return soundReported;
}
