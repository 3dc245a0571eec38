/**
 * The slice of serialport the reader uses. Loaded lazily like node-hid, so a missing native
 * binding is a status, not a crash. Tests build the backend over serialport's own mock binding
 * (`SerialPortMock`), which runs the real stream code.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { TransportError } from '@pls/shared/idcard';

export interface SerialPortInfo {
  readonly path: string;
  /** USB ids of a USB-serial adapter, as numbers. */
  readonly vendorId?: number;
  readonly productId?: number;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
}

export interface SerialHandle {
  write(data: Uint8Array): Promise<void>;
  start(onData: (data: Uint8Array) => void, onClosed: (error: Error | null) => void): void;
  close(): Promise<void>;
}

export interface SerialBackend {
  list(): Promise<SerialPortInfo[]>;
  open(path: string, baudRate: number): Promise<SerialHandle>;
}

export type SerialBackendLoader = () => Promise<Result<SerialBackend, TransportError>>;

/** What SerialPort and SerialPortMock share. */
interface PortLike {
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'close', listener: (error: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  readonly isOpen: boolean;
}

export interface PortClass {
  new (options: {
    path: string;
    baudRate: number;
    dataBits: 8;
    parity: 'none';
    stopBits: 1;
    autoOpen: false;
  }): PortLike;
  list(): Promise<
    Array<{
      path: string;
      vendorId?: string | undefined;
      productId?: string | undefined;
      manufacturer?: string | undefined;
      serialNumber?: string | undefined;
    }>
  >;
}

function hexId(value: string | undefined): number | undefined {
  return value !== undefined && /^[0-9a-f]{1,4}$/i.test(value) ? parseInt(value, 16) : undefined;
}

export function createSerialBackend(Port: PortClass): SerialBackend {
  return {
    async list() {
      const ports = await Port.list();
      return ports.map((p) => {
        const vendorId = hexId(p.vendorId);
        const productId = hexId(p.productId);
        return {
          path: p.path,
          ...(vendorId !== undefined ? { vendorId } : {}),
          ...(productId !== undefined ? { productId } : {}),
          ...(p.manufacturer !== undefined ? { manufacturer: p.manufacturer } : {}),
          ...(p.serialNumber !== undefined ? { serialNumber: p.serialNumber } : {}),
        };
      });
    },
    async open(path, baudRate) {
      // SAM readers on serial: 115200 8N1 (HEV hev-serial-port.c; QWM).
      const port = new Port({
        path,
        baudRate,
        dataBits: 8,
        parity: 'none',
        stopBits: 1,
        autoOpen: false,
      });
      await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
      return {
        write(data) {
          return new Promise((resolve, reject) => {
            port.write(Buffer.from(data), (e) => {
              if (e) reject(e);
              else port.drain((d) => (d ? reject(d) : resolve()));
            });
          });
        },
        start(onData, onClosed) {
          port.on('data', (data) => onData(new Uint8Array(data)));
          // An unplugged USB-serial adapter closes the port with a DisconnectedError.
          port.on('close', (e) => onClosed(e ?? null));
          // Errors after open also end in 'close'; the listener keeps them from being thrown.
          port.on('error', () => undefined);
        },
        close() {
          return new Promise((resolve) => {
            if (!port.isOpen) resolve();
            else port.close(() => resolve());
          });
        },
      };
    },
  };
}

let cached: Promise<Result<SerialBackend, TransportError>> | undefined;

export const loadSerialPortBackend: SerialBackendLoader = () => {
  cached ??= (async () => {
    try {
      const { SerialPort } = await import('serialport');
      await SerialPort.list();
      return ok(createSerialBackend(SerialPort as unknown as PortClass));
    } catch (e) {
      return err({
        kind: 'moduleUnavailable',
        module: 'serialport',
        message: `serialport cannot be used: ${(e as Error).message}`,
      } as const);
    }
  })();
  return cached;
};
