// Owns the focus boundary's beep: a short tone made with WebAudio (no sound file to ship), closed once it ends.
/** Plays one soft 880 Hz tone of 0.4 s; quietly does nothing where the page has no audio. */
export function beep(): void {
  const Context = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const tone = audio.createOscillator();
  const volume = audio.createGain();
  const end = audio.currentTime + 0.4;
  tone.frequency.value = 880;
  // A fade out rather than a cut: a tone that stops dead clicks.
  volume.gain.setValueAtTime(0.15, audio.currentTime);
  volume.gain.exponentialRampToValueAtTime(0.001, end);
  tone.connect(volume).connect(audio.destination);
  tone.onended = () => void audio.close();
  tone.start();
  tone.stop(end);
}
