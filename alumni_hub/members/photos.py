"""Profile photos: check an upload by its content, store two sizes without metadata, remove.

Services in the house style: keyword arguments, no request/session/flash; they change the
user row (the route commits) and raise ValidationError with a German message for the form.
The upload folder is passed in, so this module needs no Flask.
"""
import io
import os
import secrets
from pathlib import Path

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError

from alumni_hub.core.errors import ValidationError

MAX_BYTES = 5 * 1024 * 1024
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}  # what Pillow reads from the bytes, not the name
SIZES = {"gross": 320, "klein": 96}  # px, square; shown at 8rem and 2.5rem (2× for sharp screens)
# Larger pictures are refused before decoding: a small file can unpack to gigabytes.
MAX_PIXELS = 40_000_000


def photo_path(folder: str, user_id: int, key: str, size: str) -> Path:
    return Path(folder) / "photos" / f"{user_id}-{key}-{size}.jpg"


def _decode(data: bytes) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise ValidationError(_l("Das Foto ist größer als 5 MB. Bitte wähle ein kleineres."),
                              field="photo")
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(_l("Bitte lade ein Foto im Format JPEG, PNG oder WebP hoch."),
                                  field="photo")
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_l("Das Foto hat zu viele Pixel. Bitte wähle ein kleineres."),
                                  field="photo")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(_l("Diese Datei ist kein lesbares Foto (JPEG, PNG oder WebP)."),
                              field="photo") from None
    return image


def _square_jpeg(image: Image.Image, edge: int) -> bytes:
    """A centred square of `edge` px as JPEG; saved without EXIF, so no location leaves."""
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    image = ImageOps.fit(image.convert("RGB"), (edge, edge), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def store_photo(*, user, data: bytes, folder: str) -> None:
    """Replace the user's photo with `data` (checked, resized to SIZES, metadata dropped)."""
    image = _decode(data)
    rendered = {size: _square_jpeg(image, edge) for size, edge in SIZES.items()}
    key = secrets.token_hex(8)
    for size, content in rendered.items():
        path = photo_path(folder, user.id, key, size)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)
    old = user.photo_key
    user.photo_key = key
    if old:
        delete_files(folder=folder, user_id=user.id, key=old)


def remove_photo(*, user, folder: str) -> None:
    if user.photo_key:
        delete_files(folder=folder, user_id=user.id, key=user.photo_key)
    user.photo_key = None


def delete_files(*, folder: str, user_id: int, key: str) -> None:
    for size in SIZES:
        photo_path(folder, user_id, key, size).unlink(missing_ok=True)
