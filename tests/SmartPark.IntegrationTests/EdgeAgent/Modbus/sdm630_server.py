#!/usr/bin/python3
"""An SDM630-like Modbus device served by Debian's python3-pymodbus (not our code), for the
edge agent's Modbus client tests: float32 input registers, high word first, unit 1.

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


def registers():
    words = [0] * 0x0200
    for address, value in VALUES.items():
        high, low = struct.unpack(">HH", struct.pack(">f", value))
        words[address], words[address + 1] = high, low
    return words


def main():
    # zero_mode: request address 0 is the block's first register (pymodbus otherwise adds 1).
    slave = ModbusSlaveContext(ir=ModbusSequentialDataBlock(0, registers()), zero_mode=True)
    context = ModbusServerContext(slaves={1: slave}, single=False)
    if sys.argv[1] == "tcp":
        StartTcpServer(context=context, address=("127.0.0.1", int(sys.argv[2])))
    else:
        StartSerialServer(context=context, framer=ModbusRtuFramer, port=sys.argv[2],
                          baudrate=int(sys.argv[3]), bytesize=8, parity="N", stopbits=1, timeout=0.05)


if __name__ == "__main__":
    main()
