"""pnglib.py: a tiny PNG reader for the CLI tests (standard library only).

Reads the header, checks every chunk's CRC, inflates the IDAT stream and
undoes the scanline filters, so a test can ask how big an image is and
whether anything was drawn on it. Handles 8-bit greyscale, RGB, RGBA,
grey+alpha and palette images without interlacing: what SDL_image writes.
"""
import re
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# colour type -> samples per pixel (8-bit samples only)
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class PngError(Exception):
    pass


class Png:
    """A decoded image: width, height, channels and raw rows of bytes."""

    def __init__(self, width, height, colour_type, channels, rows, palette):
        self.width = width
        self.height = height
        self.colour_type = colour_type
        self.channels = channels
        self.rows = rows          # list of bytes, width * channels each
        self.palette = palette    # list of (r, g, b) for colour type 3

    def pixel(self, x, y):
        """The (r, g, b) of one pixel (alpha is dropped)."""
        row, c = self.rows[y], self.channels
        s = row[x * c:(x + 1) * c]
        if self.colour_type == 3:
            return self.palette[s[0]]
        if c <= 2:
            return (s[0], s[0], s[0])
        return (s[0], s[1], s[2])

    def pixels(self, step=1):
        """Every step-th pixel on every step-th row, as (r, g, b)."""
        for y in range(0, self.height, step):
            for x in range(0, self.width, step):
                yield self.pixel(x, y)


def read_size(path):
    """(width, height) from the IHDR chunk, without decoding the image."""
    with open(path, "rb") as f:
        head = f.read(33)
    if len(head) < 33 or head[:8] != PNG_SIGNATURE:
        raise PngError("%s: not a PNG file" % path)
    length, kind = struct.unpack(">I4s", head[8:16])
    if kind != b"IHDR" or length != 13:
        raise PngError("%s: the first chunk is not IHDR" % path)
    w, h = struct.unpack(">II", head[16:24])
    return w, h


def _add_rows(a, b, stride):
    """Bytewise (a + b) mod 256 of two rows at once, with big-int SWAR."""
    x = int.from_bytes(a, "little")
    y = int.from_bytes(b, "little")
    low = int.from_bytes(b"\x7f" * stride, "little")
    high = int.from_bytes(b"\x80" * stride, "little")
    return bytearray((((x & low) + (y & low)) ^ ((x ^ y) & high)).to_bytes(stride, "little"))


# A run of zero bytes this long in a Sub or Paeth row is filled by copying
# (flat colour, the bulk of a screenshot) instead of byte by byte.
_ZERO_RUN = re.compile(b"\x00{24,}")


def _sub_bytes(line, raw, lo, hi, bpp):
    for i in range(lo, hi):
        line[i] = (raw[i] + line[i - bpp]) & 0xFF


def _paeth_bytes(line, raw, prev, lo, hi, bpp):
    for i in range(lo, hi):
        a, b, c = line[i - bpp], prev[i], prev[i - bpp]
        if b == c:          # flat column: the predictor is the left byte
            p = a
        elif a == c:        # flat row: the byte above
            p = b
        else:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - c - c)
            if pa <= pb and pa <= pc:
                p = a
            elif pb <= pc:
                p = b
            else:
                p = c
        line[i] = (raw[i] + p) & 0xFF


def _serial(ftype, raw, prev, bpp):
    """Undoes Sub (1) or Paeth (4) on one row. Where the filtered bytes are
    zero (and, for Paeth, the row above repeats pixel to pixel) each byte is
    the one bpp to its left: those runs are filled by slicing."""
    stride = len(raw)
    line = bytearray(raw)
    for i in range(min(bpp, stride)):  # no left neighbour: Sub adds 0, Paeth predicts the byte above
        line[i] = (raw[i] + (prev[i] if ftype == 4 else 0)) & 0xFF
    done = min(bpp, stride)
    for m in _ZERO_RUN.finditer(raw, done):
        lo, hi = m.start(), m.end()
        if ftype == 4 and prev[lo - bpp:hi - bpp] != prev[lo:hi]:
            continue
        if ftype == 1:
            _sub_bytes(line, raw, done, lo, bpp)
        else:
            _paeth_bytes(line, raw, prev, done, lo, bpp)
        pattern = bytes(line[lo - bpp:lo])
        n = hi - lo
        line[lo:hi] = (pattern * (n // bpp + 1))[:n]
        done = hi
    if ftype == 1:
        _sub_bytes(line, raw, done, stride, bpp)
    else:
        _paeth_bytes(line, raw, prev, done, stride, bpp)
    return line


def _unfilter(data, width, height, bpp):
    stride = width * bpp
    rows, prev, pos = [], bytearray(stride), 0
    for y in range(height):
        if pos + 1 + stride > len(data):
            raise PngError("image data ends at row %d of %d" % (y, height))
        ftype = data[pos]
        raw = bytes(data[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 0:
            line = bytearray(raw)
        elif ftype == 2:
            line = _add_rows(raw, prev, stride)
        elif ftype in (1, 4):
            line = _serial(ftype, raw, prev, bpp)
        elif ftype == 3:
            line = bytearray(raw)
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        else:
            raise PngError("row %d has unknown filter type %d" % (y, ftype))
        rows.append(bytes(line))
        prev = line
    return rows


def read(path):
    """Decodes the whole image; raises PngError on anything malformed."""
    with open(path, "rb") as f:
        blob = f.read()
    if blob[:8] != PNG_SIGNATURE:
        raise PngError("%s: not a PNG file" % path)
    pos, ihdr, idat, palette, seen_end = 8, None, [], None, False
    while pos + 8 <= len(blob):
        length, kind = struct.unpack(">I4s", blob[pos:pos + 8])
        body = blob[pos + 8:pos + 8 + length]
        crc_bytes = blob[pos + 8 + length:pos + 12 + length]
        if len(body) != length or len(crc_bytes) != 4:
            raise PngError("%s: chunk %r is truncated" % (path, kind))
        if zlib.crc32(kind + body) & 0xFFFFFFFF != struct.unpack(">I", crc_bytes)[0]:
            raise PngError("%s: chunk %r has a bad CRC" % (path, kind))
        pos += 12 + length
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, length, 3)]
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            seen_end = True
            break
    if ihdr is None or not idat or not seen_end:
        raise PngError("%s: missing IHDR, IDAT or IEND" % path)
    w, h, depth, ctype, _comp, _filt, interlace = ihdr
    if depth != 8 or ctype not in _CHANNELS or interlace != 0:
        raise PngError("%s: unsupported PNG (depth %d, colour type %d, interlace %d)" % (path, depth, ctype, interlace))
    if ctype == 3 and not palette:
        raise PngError("%s: palette image without PLTE" % path)
    channels = _CHANNELS[ctype]
    rows = _unfilter(zlib.decompress(b"".join(idat)), w, h, channels)
    return Png(w, h, ctype, channels, rows, palette)


def ink_stats(img, step=3):
    """How much is drawn: (distinct colours, fraction of sampled pixels that
    differ from the most common colour, the most common colour)."""
    counts = {}
    for p in img.pixels(step):
        counts[p] = counts.get(p, 0) + 1
    total = sum(counts.values())
    background, most = max(counts.items(), key=lambda kv: kv[1])
    return len(counts), (total - most) / float(total), background
