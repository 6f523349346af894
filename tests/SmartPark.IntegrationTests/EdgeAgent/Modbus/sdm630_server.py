#!/usr/bin/python3
"""An SDM630-like Modbus device served by Debian's python3-pymodbus (not our code), for the
edge agent's Modbus client tests: float32 input registers, high word first, unit 1. Unit 2 on the
same bus is a flow meter: a water totaliser as a float32 holding register and a steam totaliser in
kilograms as a uint32, low word first, in input registers.

    sdm630_server.py tcp PORT          Modbus TCP on 127.0.0.1:PORT
    sdm630_server.py rtu DEVICE BAUD   Modbus RTU on a serial device (one end of a socat pty pair)
"""
import struct
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartSerialServer, StartTcpServer
from pymodbus.transaction import ModbusRtuFramer

# address -> value, as an SDM630 reports them (standards.md section 4.2)
VALUES = {
    0x0000: 231.4,      # L1 voltage, V
    0x0006: 30.1,       # L1 current, A
    0x0030: 90.3,       # sum of line currents, A
    0x0034: 20100.0,    # total system power, W
    0x0046: 50.02,      # frequency, Hz
    0x0048: 98765.25,   # import active energy, kWh
    0x0156: 99001.5,    # total active energy, kWh
}


FLOW_WATER_M3 = (0x0010, 8765.432)     # holding, float32
FLOW_STEAM_KG = (0x1010, 12345678)     # input, uint32, low word first


def registers():
    words = [0] * 0x0200
    for address, value in VALUES.items():
        high, low = struct.unpack(">HH", struct.pack(">f", value))
        words[address], words[address + 1] = high, low
    return words


def flow_meter():
    holding = [0] * 0x0100
    address, value = FLOW_WATER_M3
    holding[address], holding[address + 1] = struct.unpack(">HH", struct.pack(">f", value))
    inputs = [0] * 0x1100
    address, value = FLOW_STEAM_KG
    inputs[address], inputs[address + 1] = value & 0xFFFF, value >> 16
    return ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, holding), ir=ModbusSequentialDataBlock(0, inputs), zero_mode=True)


def main():
    # zero_mode: request address 0 is the block's first register (pymodbus otherwise adds 1).
    slave = ModbusSlaveContext(ir=ModbusSequentialDataBlock(0, registers()), zero_mode=True)
    context = ModbusServerContext(slaves={1: slave, 2: flow_meter()}, single=False)
    if sys.argv[1] == "tcp":
        StartTcpServer(context=context, address=("127.0.0.1", int(sys.argv[2])))
    else:
        StartSerialServer(context=context, framer=ModbusRtuFramer, port=sys.argv[2],
                          baudrate=int(sys.argv[3]), bytesize=8, parity="N", stopbits=1, timeout=0.05)


if __name__ == "__main__":
    main()
