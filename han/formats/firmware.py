"""A consumer device's firmware as the ZigBee OTA Upgrade cluster (0x0019) carries it – Qt-free.

An image is a ZigBee OTA file (ZCL §11.4): the OTA header (magic 0x0BEEF11E, manufacturer code,
image type, file version, total size) and sub-elements – the upgrade image itself (tag 0x0000) and,
here, a SHA-256 of it in a manufacturer-specific tag, so a device can tell a damaged transfer from
a good one before it installs anything. zigpy's OTA image classes read and write the format.

The state of this display's own firmware is in ``han/domain/firmware_status.py`` (part of the model,
without zigpy).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from zigpy.ota.image import ElementTagId, FieldControl, OTAImage, OTAImageHeader, SubElement

from han.domain.firmware_status import EMULATED_MANUFACTURER, PPMID_IMAGE_TYPE

INTEGRITY_TAG = 0xF000
"""Manufacturer-specific sub-element: SHA-256 of the upgrade image."""
_HEADER_LENGTH = 56
"""An OTA header without optional fields."""


@dataclass(frozen=True)
class FirmwareImage:
    manufacturer_code: int
    image_type: int
    file_version: int
    data: bytes
    """The whole OTA file, as it is sent block by block."""

    @classmethod
    def build(
        cls,
        payload: bytes,
        *,
        file_version: int,
        manufacturer_code: int = EMULATED_MANUFACTURER,
        image_type: int = PPMID_IMAGE_TYPE,
        description: str = "PPMID firmware",
    ) -> FirmwareImage:
        elements = [
            SubElement(tag_id=ElementTagId.UPGRADE_IMAGE, data=payload),
            SubElement(tag_id=INTEGRITY_TAG, data=hashlib.sha256(payload).digest()),
        ]
        size = _HEADER_LENGTH + sum(6 + len(element.data) for element in elements)
        header = OTAImageHeader(
            upgrade_file_id=OTAImageHeader.MAGIC_VALUE,
            header_version=0x0100,
            header_length=_HEADER_LENGTH,
            field_control=FieldControl(0),
            manufacturer_id=manufacturer_code,
            image_type=image_type,
            file_version=file_version,
            stack_version=0x0002,  # ZigBee PRO
            header_string=description.encode()[:32].ljust(32, b"\0").decode(),
            image_size=size,
        )
        data = OTAImage(header=header, subelements=elements).serialize()
        return cls(manufacturer_code, image_type, file_version, data)


class BadImage(ValueError):
    """A transferred file that is not the image that was offered, or is damaged."""


def check_image(
    data: bytes, *, manufacturer_code: int, image_type: int, file_version: int
) -> bytes:
    """The upgrade image inside ``data`` if the file is whole and is the one offered."""
    try:
        image, rest = OTAImage.deserialize(data)
    except (ValueError, KeyError) as error:
        raise BadImage(f"not an OTA image: {error}") from error
    header = image.header
    if rest:
        raise BadImage("data after the end of the image")
    if (header.manufacturer_id, header.image_type, header.file_version) != (
        manufacturer_code,
        image_type,
        file_version,
    ):
        raise BadImage("the image is not the one that was offered")
    elements = {int(element.tag_id): bytes(element.data) for element in image.subelements}
    payload = elements.get(int(ElementTagId.UPGRADE_IMAGE))
    if payload is None:
        raise BadImage("the image has no upgrade image")
    if elements.get(INTEGRITY_TAG) != hashlib.sha256(payload).digest():
        raise BadImage("the image is damaged (its SHA-256 does not match)")
    return payload
