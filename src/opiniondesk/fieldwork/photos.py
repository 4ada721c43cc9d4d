"""A report's optional photo: checked to be a real JPEG, PNG or WebP image, re-encoded from its
pixels alone (EXIF with GPS position, XMP, IPTC, ICC, comments are all left behind), and stored
once under OPINIONDESK_HOME/attachments/ by the SHA-256 of the clean bytes.

The API takes the photo as base64 inside the JSON report (`photo`), so the phone's offline
queue can hold a report and its photo as one item and replay it unchanged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from opiniondesk.errors import InputError

MAX_BYTES = 2 * 1024 * 1024  # as sent; a phone photo is resized by the form before this
MAX_PIXELS = 24_000_000  # refuses decompression bombs well before Pillow's own limit
MAX_SIDE = 2048  # stored photos are scaled down to this: enough to see, small to keep
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
DIRECTORY = "attachments"


@dataclass(frozen=True, slots=True)
class CleanPhoto:
    data: bytes
    sha256: str
    media_type: str
    extension: str
    width: int
    height: int


def decode_base64(value: str) -> bytes:
    """The photo's bytes from base64 (a `data:image/…;base64,` prefix is allowed)."""
    text = value.strip()
    if text.startswith("data:"):
        text = text.partition(",")[2]
    if len(text) > (MAX_BYTES * 4) // 3 + 8:
        raise InputError(_too_large())
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError(
            "Ảnh đính kèm (photo) không phải base64 hợp lệ. / The attached photo (photo) is not "
            "valid base64."
        ) from exc


def _too_large() -> str:
    mb = MAX_BYTES // (1024 * 1024)
    return (
        f"Ảnh đính kèm lớn hơn {mb} MB; chụp lại ở độ phân giải thấp hơn. / The attached photo "
        f"is larger than {mb} MB; take it at a lower resolution."
    )


def _not_an_image() -> InputError:
    return InputError(
        "Tệp đính kèm không phải ảnh JPEG, PNG hoặc WebP. / The attachment is not a JPEG, PNG "
        "or WebP image."
    )


def clean(data: bytes) -> CleanPhoto:
    """Verify and re-encode; InputError says what is wrong with the file."""
    if len(data) > MAX_BYTES:
        raise InputError(_too_large())
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if kind not in FORMATS:
                raise _not_an_image()
            if probe.width * probe.height > MAX_PIXELS:
                raise InputError(
                    f"Ảnh quá nhiều điểm ảnh ({probe.width}×{probe.height}). / The image has too "
                    f"many pixels ({probe.width}×{probe.height})."
                )
            probe.verify()  # structure and checksums, without decoding every pixel
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            # the EXIF orientation is applied to the pixels before the EXIF is dropped
            upright = ImageOps.exif_transpose(image) or image
            pixels = _plain_pixels(upright, keep_alpha=kind != "JPEG")
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise _not_an_image() from exc
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if kind == "JPEG":
        pixels.save(out, "JPEG", quality=85, optimize=True)
    elif kind == "PNG":
        pixels.save(out, "PNG", optimize=True)
    else:
        pixels.save(out, "WEBP", quality=85)
    clean_bytes = out.getvalue()
    media_type, extension = FORMATS[kind]
    return CleanPhoto(
        data=clean_bytes,
        sha256=hashlib.sha256(clean_bytes).hexdigest(),
        media_type=media_type,
        extension=extension,
        width=pixels.width,
        height=pixels.height,
    )


def _plain_pixels(image: Image.Image, *, keep_alpha: bool) -> Image.Image:
    """A new image holding only the pixels: no `info`, no EXIF, no ICC profile, no palette
    tricks."""
    alpha = keep_alpha and (image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info)
    converted = image.convert("RGBA" if alpha else "RGB")
    return Image.frombytes(converted.mode, converted.size, converted.tobytes())


def path_for(home: Path, sha256: str, extension: str) -> Path:
    """Content-addressed: attachments/ab/abcdef….jpg."""
    return home / DIRECTORY / sha256[:2] / f"{sha256}.{extension}"


def store(home: Path, photo: CleanPhoto) -> Path:
    """Write the clean bytes once (atomically: a crash leaves no half file under the name)."""
    target = path_for(home, photo.sha256, photo.extension)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(photo.data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
