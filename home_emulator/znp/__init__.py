"""An emulated TI Z-Stack coordinator: the emulated home behind a USB stick's serial protocol.

``python -m home_emulator serve --znp tcp://HOST:PORT`` puts a coordinator on the home's air that
speaks TI's Monitor and Test (MT) protocol over TCP, so a radio library – zigpy-znp unmodified,
with ``socket://HOST:PORT`` as its serial port – forms a network on it, sees the emulated meters
join, interviews them and reads them, exactly as with a CC2652 stick on a real HAN.

Layers, each in its own file: ``frames.py`` (MT framing: SOF, length, command, payload, FCS),
``commands.py`` (the MT commands the library uses, with their byte layouts), ``nvram.py`` (the
stick's non-volatile memory, a dictionary that lives as long as the server), ``nib.py`` (the
network information base that formation writes), ``coordinator.py`` (Z-Stack's behaviour: reset,
formation, endpoints, ZDO and AF traffic bridged to the air) and ``server.py`` (the TCP port).
"""
