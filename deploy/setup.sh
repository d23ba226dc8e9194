#!/bin/sh
# First run on a new server: writes deploy/.env with your domain and freshly generated secrets.
#   ./setup.sh zyntra.example.com      (or ./setup.sh and type the domain when asked)
# An existing .env is never overwritten: its secrets encrypt stored data and sign logins.
set -eu
cd "$(dirname "$0")"

if [ -f .env ]; then
  echo "deploy/.env exists: keeping it (delete it only to start over with new secrets)."
  exit 0
fi
command -v openssl >/dev/null 2>&1 || { echo "openssl is needed: sudo apt-get install -y openssl" >&2; exit 1; }

DOMAIN="${1:-${DOMAIN:-}}"
if [ -z "$DOMAIN" ]; then
  printf 'Domain for Zyntra (its DNS A record must point to this server), e.g. zyntra.example.com: '
  read -r DOMAIN
fi
DOMAIN=$(printf '%s' "$DOMAIN" | tr '[:upper:]' '[:lower:]' | sed -e 's#^https\{0,1\}://##' -e 's#/.*$##')
if ! printf '%s' "$DOMAIN" | grep -Eq '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$'; then
  echo "\"$DOMAIN\" is not a domain name such as zyntra.example.com" >&2
  exit 1
fi

umask 077
cat > .env <<ENV
# Written by setup.sh on $(date -u +%Y-%m-%d). Keep a copy somewhere safe: without ENCRYPTION_KEY
# the channel secrets stored in the database cannot be read, even from a backup.
DOMAIN=$DOMAIN
POSTGRES_PASSWORD=$(openssl rand -hex 24)
MINIO_ROOT_PASSWORD=$(openssl rand -hex 24)
JWT_SECRET=$(openssl rand -base64 48 | tr -d '\n')
ENCRYPTION_KEY=$(openssl rand -base64 32)

# Optional settings (see .env.example in this folder for all of them), e.g.:
# WORKER_CONCURRENCY=8
# LLM_BASE_URL=https://api.openai.com/v1
# LLM_API_KEY=
# BACKUP_AT=03:00
# BACKUP_KEEP_DAYS=14
ENV

echo "Wrote deploy/.env for https://$DOMAIN"
echo "Next: docker compose up -d --build   (then open https://$DOMAIN and create your account)"
