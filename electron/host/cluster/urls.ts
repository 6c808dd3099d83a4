/** `--cluster nats://a:4222,nats://b:4222`: each URL checked, the error naming the one that is not. */
export function parseClusterUrls(text: string): string[] {
  const urls = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!urls.length) throw new Error('--cluster needs at least one nats://HOST:PORT');
  for (const u of urls)
    if (!/^nats:\/\/[^\s/:]+:\d{1,5}$/.test(u))
      throw new Error(`--cluster: "${u}" is not nats://HOST:PORT (give the NATS nodes, comma-separated)`);
  return urls;
}
