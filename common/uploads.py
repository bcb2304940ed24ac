"""Checks for files people upload outside the Wagtail admin: the extension must be one the
portal accepts, the size within the limit, and the first bytes must be what the extension
claims (a renamed executable is refused)."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ZIP = b"PK\x03\x04"
SIGNATURES = {"pdf": [b"%PDF-"], "docx": [ZIP], "xlsx": [ZIP], "pptx": [ZIP], "odt": [ZIP],
              "ods": [ZIP]}
TEXT = {"csv", "txt"}


def validate_upload(upload: UploadedFile) -> None:
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(_("Files of type “%(type)s” are not accepted; use one of: "
                                "%(allowed)s.") % {"type": extension or "?",
                                                  "allowed": ", ".join(allowed)})
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(_("The file is %(size)s; the limit is %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(limit)})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension in TEXT:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at 2,048 bytes is still text.
            if error.start < len(head) - 4:
                raise ValidationError(_("This is not a UTF-8 text file.")) from error
        if b"\x00" in head:
            raise ValidationError(_("This is not a UTF-8 text file."))
    elif not any(head.startswith(s) for s in SIGNATURES.get(extension, [])):
        raise ValidationError(_("The file's contents do not match its “.%(type)s” name.")
                              % {"type": extension})
