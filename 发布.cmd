@echo off
chcp 65001 >nul
rem 双击运行：检查文章，然后把 content 文件夹里的修改（编辑后台保存的文章、图片、附件）
rem 提交并推送到网站仓库；服务器收到后自动生成并发布网站。见 docs/editing-guide.md。
cd /d "%~dp0"
git add content || goto failed
git diff --cached --quiet && (
  echo 没有新的修改需要发布。
  pause
  exit /b 0
)
echo 正在检查文章……
call npm run check:content || goto failed
set "MSG="
set /p "MSG=请用一句话说明这次修改（直接按回车则写“更新文章”）："
if not defined MSG set "MSG=更新文章"
git commit -m "%MSG%" || goto failed
git pull --rebase --autostash || goto failed
git push || goto failed
echo.
echo 已发布。几分钟后网站会自动更新。
pause
exit /b 0

:failed
echo.
echo 发布没有成功：请看上面的提示；看不懂时，把这个窗口截图发给网站维护人员。
pause
exit /b 1
