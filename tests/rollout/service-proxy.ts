// A Service as kube-proxy implements it, in miniature: a TCP port whose new connections go to
// the ready endpoints in turn. Removing an endpoint takes effect only after a propagation delay
// (the EndpointSlice update reaching every node's iptables takes about 1–2 s in a real cluster);
// connections already made stay where they are, as conntrack keeps them.
import net from 'node:net';

export interface Endpoint {
  /** The pod's name, for the record of who served what. */
  name: string;
  host: string;
  port: number;
}

export interface ServiceProxy {
  /** host:port where clients reach the Service. */
  address: string;
  url: string;
  add(endpoint: Endpoint): void;
  /** Starts removing the endpoint; resolves once no new connection can go to it any more. */
  remove(name: string): Promise<{ effectiveAfterMs: number }>;
  /** The endpoint a client connection (by its local port) was sent to. */
  endpointOf(clientPort: number): string | undefined;
  /** When each connection sent to an endpoint was made (Date.now()), by endpoint. */
  connections: Map<string, number[]>;
  close(): Promise<void>;
}

export interface ServiceProxyOptions {
  /** The delay before a removal takes effect, drawn uniformly from [min, max] milliseconds. */
  propagationMs: { min: number; max: number };
}

export async function startServiceProxy(options: ServiceProxyOptions): Promise<ServiceProxy> {
  const endpoints: Endpoint[] = [];
  const routes = new Map<number, string>();
  const connections = new Map<string, number[]>();
  const sockets = new Set<net.Socket>();
  let turn = 0;

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    const endpoint = endpoints[turn++ % Math.max(endpoints.length, 1)];
    // No endpoint: kube-proxy rejects the connection.
    if (!endpoint || client.remotePort === undefined) {
      client.resetAndDestroy();
      return;
    }
    routes.set(client.remotePort, endpoint.name);
    const times = connections.get(endpoint.name) ?? [];
    times.push(Date.now());
    connections.set(endpoint.name, times);
    const upstream = net.connect({ host: endpoint.host, port: endpoint.port, allowHalfOpen: true });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    // A refused or reset pod connection reaches the client as a reset, as through iptables DNAT.
    upstream.on('error', () => client.resetAndDestroy());
    client.on('error', () => upstream.resetAndDestroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  const address = `127.0.0.1:${port}`;

  return {
    address,
    url: `http://${address}`,
    add: (endpoint) => {
      endpoints.push(endpoint);
    },
    remove: async (name) => {
      const { min, max } = options.propagationMs;
      const delay = min + Math.random() * (max - min);
      await new Promise((resolve) => setTimeout(resolve, delay));
      const index = endpoints.findIndex((endpoint) => endpoint.name === name);
      if (index < 0) throw new Error(`${name} is not an endpoint of this Service`);
      endpoints.splice(index, 1);
      return { effectiveAfterMs: Math.round(delay) };
    },
    endpointOf: (clientPort) => routes.get(clientPort),
    connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
