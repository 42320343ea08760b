// Owns the Debian packages Sheaf needs to build and test: keytar's libsecret, a Secret Service, Chromium for the
// end-to-end tests, Xvfb, zsh and fish for the completion tests. Installs the missing ones when we are root on
// Debian; otherwise says the exact command.
//
// It is the preinstall of the local dependency `sheaf-system-packages`, not of the root package: npm runs the
// root's own preinstall only after every dependency is built, so keytar's node-gyp build would already have
// failed for want of libsecret. Every dependency's preinstall runs before any dependency's install script, and
// `install-links=true` (.npmrc) makes this a copied package rather than a link (links are built last).
// `npm test` runs it again, so a machine that lost a package since the install gets it back.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const packages = [
  'libsecret-1-dev',
  'gnome-keyring',
  'dbus',
  'chromium',
  'xvfb',
  'fonts-dejavu-core',
  // The `sheaf completion` tests load the scripts into the real shells.
  'zsh',
  'fish',
];
/** Without these the install itself fails (keytar compiles against them); the rest only the tests need. */
const neededToBuild = ['libsecret-1-dev'];

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
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
} else {
  console.error(
    `sheaf: missing system packages (${missing.join(', ')}). Run as root:\n  sudo sh -c '${command}'`,
  );
  // npm shows a dependency script's output only when it fails: fail when the build can't succeed anyway, so the
  // person reads this line rather than node-gyp's pkg-config error.
  if (missing.some((p) => neededToBuild.includes(p))) process.exit(1);
}
