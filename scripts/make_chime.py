"""Generate the round clock's chime: ``resources/sounds/chime.wav``.

An original two-strike bell (a fifth apart, E5 then B5), 1.5 s, 44.1 kHz, 16-bit mono,
made from a few decaying partials with the standard library only, so anyone can rebuild
it and nobody's recording is in the app. Run: ``python scripts/make_chime.py [OUT]``.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44_100
LENGTH = 1.5  # seconds
PEAK = 0.7  # of full scale: loud enough for a room, with headroom
# (partial ratio to the note, relative amplitude, decay per second). The slightly
# stretched upper partials give a bell's shimmer instead of an organ's buzz.
PARTIALS = ((1.0, 1.0, 2.6), (2.0, 0.32, 4.0), (3.01, 0.12, 6.5), (4.23, 0.07, 9.0))
STRIKES = ((0.0, 659.25, 1.0), (0.16, 987.77, 0.8))  # (start s, note Hz, loudness)
ATTACK = 0.006  # seconds: soft enough not to click
FADE = 0.08  # seconds of fade at the very end, so the file ends in silence


def sample(t: float) -> float:
    value = 0.0
    for start, note, loudness in STRIKES:
        local = t - start
        if local < 0:
            continue
        attack = 0.5 - 0.5 * math.cos(math.pi * local / ATTACK) if local < ATTACK else 1.0
        for ratio, amplitude, decay in PARTIALS:
            value += (
                loudness
                * amplitude
                * attack
                * math.exp(-decay * local)
                * math.sin(2 * math.pi * note * ratio * local)
            )
    remaining = LENGTH - t
    if remaining < FADE:
        value *= 0.5 - 0.5 * math.cos(math.pi * max(0.0, remaining) / FADE)
    return value


def render() -> list[float]:
    samples = [sample(n / RATE) for n in range(int(LENGTH * RATE))]
    peak = max(abs(s) for s in samples) or 1.0
    return [s * PEAK / peak for s in samples]


def write(path: Path) -> None:
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in render())
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main() -> None:
    default = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    write(target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
