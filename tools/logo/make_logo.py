#!/usr/bin/env python3
"""Draws Nop.Plugin.Misc.IContact/logo.png (256x256): a blue tile with a white "iC" monogram over an envelope flap.
Pure standard library (zlib + struct), 4x4 supersampling for smooth edges. Run: python3 tools/logo/make_logo.py OUT.png"""
import math, struct, sys, zlib

N, SS = 256, 4
BLUE, DARK, WHITE = (0, 114, 206), (0, 78, 150), (255, 255, 255)

def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx, cy = min(max(x, x0 + r), x1 - r), min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def shade(x, y):
    if not rounded_rect(x, y, 0, 0, N, N, 44):
        return None
    colour = BLUE if y < N * 0.80 else DARK
    # envelope flap: a white V along the top
    flap = 40 < x < N - 40 and (abs(y - (36 + 0.45 * (N / 2 - 40 - abs(x - N / 2)))) < 5 or abs(y - 36) < 5)
    # "i": dot and stem
    dot = (x - 78) ** 2 + (y - 112) ** 2 <= 15 ** 2
    stem = rounded_rect(x, y, 65, 138, 91, 212, 8)
    # "C": a thick ring open to the right
    d = math.hypot(x - 160, y - 162)
    ang = math.degrees(math.atan2(y - 162, x - 160))
    ring = 30 <= d <= 54 and not (-45 < ang < 45)
    return WHITE if (flap or dot or stem or ring) else colour

def main(out):
    rows = []
    for py in range(N):
        row = bytearray([0])
        for px in range(N):
            acc, alpha = [0, 0, 0], 0
            for sy in range(SS):
                for sx in range(SS):
                    c = shade(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                    if c:
                        alpha += 1
                        acc = [a + b for a, b in zip(acc, c)]
            n = SS * SS
            row += bytes([a // alpha if alpha else 0 for a in acc]) + bytes([alpha * 255 // n])
        rows.append(bytes(row))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "logo.png")
