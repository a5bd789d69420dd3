#!/usr/bin/env bash
# Copies the built dist/ to the nginx host over SSH (rsync), then reloads nginx so it reads the
# new dist/_nginx/*.conf. Run by the publish workflows (.github/ and .gitea/workflows/publish.yml)
# after the checks and `npm run build -- --production`. Settings, as the repository's secrets:
#   DEPLOY_HOST         the nginx host, e.g. www.example.org
#   DEPLOY_USER         the SSH user allowed to write DEPLOY_PATH
#   DEPLOY_PATH         where deploy/nginx.conf's root points, e.g. /srv/lnga/dist
#   DEPLOY_SSH_KEY      that user's private key (the public key in ~/.ssh/authorized_keys)
#   DEPLOY_KNOWN_HOSTS  the host's line from `ssh-keyscan DEPLOY_HOST`
#   DEPLOY_RELOAD       optional; default `sudo systemctl reload nginx`
set -euo pipefail
cd "$(dirname "$0")/.."
for name in DEPLOY_HOST DEPLOY_USER DEPLOY_PATH DEPLOY_SSH_KEY DEPLOY_KNOWN_HOSTS; do
  if [ -z "${!name:-}" ]; then
    echo "缺少 $name：请在仓库的 Actions 密钥（Secrets）里设置，见 docs/editing-guide.md。 / $name is not set." >&2
    exit 1
  fi
done
test -f dist/index.html || { echo 'dist/ 不存在：请先构建。 / dist/ missing: build first.' >&2; exit 1; }

ssh_dir=$(mktemp -d)
trap 'rm -rf "$ssh_dir"' EXIT
printf '%s\n' "$DEPLOY_SSH_KEY" >"$ssh_dir/key"
printf '%s\n' "$DEPLOY_KNOWN_HOSTS" >"$ssh_dir/known_hosts"
chmod 600 "$ssh_dir/key"
ssh_command="ssh -i $ssh_dir/key -o UserKnownHostsFile=$ssh_dir/known_hosts -o IdentitiesOnly=yes"

# Pages last: new hashed assets arrive before the pages that name them (--delay-updates), and
# files of the previous build that are gone are removed at the end.
rsync -rlz --checksum --delete-delay --delay-updates -e "$ssh_command" dist/ "$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH/"
$ssh_command "$DEPLOY_USER@$DEPLOY_HOST" "${DEPLOY_RELOAD:-sudo systemctl reload nginx}"
echo "已发布到 $DEPLOY_HOST:$DEPLOY_PATH / Published."
