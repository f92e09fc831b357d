// Installs the system programs the test suite needs (Debian's Chromium for browser
// tests, redis-server for the multi-instance server tests, a Korean font for the ui's screenshots)
// when they are missing.
// Nothing is downloaded by a test tool itself: Playwright drives /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/redis-server', pkg: 'redis-server' },
  // A Korean font, so the ui's Korean screenshots show Hangul rather than empty boxes.
  { bin: '/usr/share/fonts/truetype/nanum/NanumGothic.ttf', pkg: 'fonts-nanum' },
];
const missing = needed.filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo', '-n'];
const run = (args) => {
  const [cmd, ...rest] = [...sudo, ...args];
  execFileSync(cmd, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
console.log(`Installing system packages for the tests: ${missing.join(', ')}`);
try {
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
} catch (err) {
  console.error(
    `Could not install ${missing.join(', ')} with apt-get (${String(err)}).\n` +
      `Install them with your system's package manager and run the tests again.`,
  );
  process.exit(1);
}
