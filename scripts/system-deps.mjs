// Installs the Debian packages Sheaf needs to build and test (keytar's libsecret, a Secret Service,
// Chromium for the end-to-end tests, Xvfb) when we are root on Debian and they are missing;
// otherwise prints the exact command to run. Runs as `preinstall`, so `npm ci` alone is enough.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const packages = ['libsecret-1-dev', 'gnome-keyring', 'dbus', 'chromium', 'xvfb', 'fonts-dejavu-core'];

function isInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get') || process.env.SHEAF_SKIP_SYSTEM_DEPS) {
  process.exit(0);
}
const missing = packages.filter((p) => !isInstalled(p));
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`sheaf: installing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env,
  });
} else {
  console.warn(
    `sheaf: missing system packages (${missing.join(', ')}). Run as root:\n  sudo sh -c '${command}'`,
  );
}
