"""An emulated Silicon Labs EmberZNet coordinator: the emulated home behind an EZSP stick's UART.

``python -m home_emulator serve --ezsp tcp://HOST:PORT`` puts a network co-processor on the home's
air that speaks EZSP over ASH on TCP, so a radio library – bellows unmodified, with
``socket://HOST:PORT`` as its serial port – resets it, agrees a protocol version, forms a network
on it, sees the emulated meters join, interviews them and reads them, as with a Sonoff ZBDongle-E
or a Home Assistant SkyConnect on a real HAN.

Layers, each in its own file: ``ash.py`` (ASH frames: control byte, randomisation, CRC, byte
stuffing), ``link.py`` (the NCP's end of the ASH link: frame numbers, acknowledgements,
retransmission), ``frames.py`` (the EZSP header), ``layouts.py`` and ``commands.py`` (the commands
and callbacks the library uses, with their byte layouts), ``tokens.py`` (what the stick keeps in
flash), ``own_zdo.py`` (ZDO requests to the stick itself), ``ncp.py`` (EmberZNet's behaviour) and
``server.py`` (the TCP port).
"""
