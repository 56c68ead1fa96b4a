/**
 * Database and library errors can quote the values of a failed query; anything shaped like a signing
 * secret, an API key, a Slack incoming-webhook path, a Discord webhook token (the last part of
 * /api/webhooks/{id}/{token}) or a password in a URL is blanked before it reaches a log line (or an API
 * answer that quotes a remote server's reply).
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/whsec_[A-Za-z0-9+/=]*/g, "whsec_[redacted]")
    .replace(/hb_live_[A-Za-z0-9]*/g, "hb_live_[redacted]")
    .replace(/\/services\/[A-Za-z0-9_/-]+/g, "/services/[redacted]")
    .replace(/(\/webhooks\/\d{5,20}\/)[A-Za-z0-9_-]+/g, "$1[redacted]")
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi, "$1[redacted]@");
}
