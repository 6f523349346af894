#!/usr/bin/python3
"""Devices laid out by modbus-map sample files, served by Debian's python3-pymodbus (not our code),
for the edge agent's register-map tests. The values are encoded HERE, with Python's struct, from
each sample's own entries (type, word order, byte order, scale, offset), so the agent's decoding
is checked against an implementation it does not share. Status registers start at the values the
spec gives (0 otherwise); tests change them with function 06, as a device changing state.

    register_map_server.py PORT SPEC.json      Modbus TCP on 127.0.0.1:PORT

SPEC.json: {"units": [{"unit": 1, "sample": "path/to/sample.json",
                       "values": {"nox": 85.3, ...}, "registers": {"0x1008": 78}}]}

"values" are in the catalogue's units, what the agent should read; the raw register value is
(value - offset) / scale, rounded for whole-number types. "registers" are raw holding registers.
"""
import json
import re
import struct
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer

SIZE = 0x10000
FORMATS = {"uint16": ">H", "int16": ">h", "uint32": ">I", "int32": ">i", "float32": ">f", "float64": ">d"}


def load_sample(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # The samples carry // comments, as the agent's configuration files may.
    return json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))


def whole(text):
    return int(text, 16) if text.lower().startswith("0x") else int(text)


def encode(entry, value):
    """The registers that carry value, in the entry's word and byte order, as a device puts them."""
    kind = entry.get("type", "float32")
    raw = (value - float(entry.get("offset", "0"))) / float(entry.get("scale", "1"))
    if not kind.startswith("float"):
        raw = int(round(raw))
    data = struct.pack(FORMATS[kind], raw)
    words = [data[i:i + 2] for i in range(0, len(data), 2)]
    if entry.get("byteOrder", "big") == "swapped":
        words = [w[::-1] for w in words]
    if entry.get("wordOrder", "big") == "little":
        words.reverse()
    return [struct.unpack(">H", w)[0] for w in words]


def device(unit_spec):
    holding, inputs = [0] * SIZE, [0] * SIZE
    sample = load_sample(unit_spec["sample"])
    for entry in sample["Map"]:
        if "quantity" not in entry:
            continue
        table = inputs if entry.get("function", "holding") == "input" else holding
        address = whole(entry["register"])
        for i, word in enumerate(encode(entry, unit_spec["values"][entry["quantity"]])):
            table[address + i] = word
    for address, word in unit_spec.get("registers", {}).items():
        holding[whole(address)] = word
    # zero_mode: request address 0 is the block's first register (pymodbus otherwise adds 1).
    return ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, holding), ir=ModbusSequentialDataBlock(0, inputs), zero_mode=True)


def main():
    with open(sys.argv[2], encoding="utf-8") as f:
        spec = json.load(f)
    slaves = {u["unit"]: device(u) for u in spec["units"]}
    StartTcpServer(context=ModbusServerContext(slaves=slaves, single=False), address=("127.0.0.1", int(sys.argv[1])))


if __name__ == "__main__":
    main()
