#!/bin/sh
# 发布：检查文章，然后把 content 文件夹里的修改（编辑后台保存的文章、图片、附件）提交并推送到
# 网站仓库；服务器收到后自动生成并发布网站。Windows 上双击「发布.cmd」，做的是同一件事。
# Checks the articles, then commits content/ and pushes it; the server publishes the site.
set -e
cd "$(dirname "$0")"
git add content
if git diff --cached --quiet; then
  echo '没有新的修改需要发布。'
  exit 0
fi
echo '正在检查文章……'
npm run check:content
printf '请用一句话说明这次修改（直接按回车则写“更新文章”）：'
read -r message || true
git commit -m "${message:-更新文章}"
git pull --rebase --autostash
git push
echo '已发布。几分钟后网站会自动更新。'
