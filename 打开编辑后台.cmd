@echo off
chcp 65001 >nul
rem 双击运行：取得同事的最新修改，在本机启动网站预览，并在浏览器里打开编辑后台
rem http://localhost:4321/admin/ （请用 Chrome 或 Edge）。用完关掉这个窗口即可。见 docs/editing-guide.md。
cd /d "%~dp0"
echo 正在取得最新修改……
git pull --rebase --autostash || echo 没能取得最新修改（可能没有联网），先用本机的文件继续。
echo.
echo 正在启动编辑后台，几秒钟后浏览器会打开 http://localhost:4321/admin/
echo 用完后关掉这个窗口即可；要发布时双击「发布.cmd」。
start "" /min cmd /c "ping -n 9 127.0.0.1 >nul & start http://localhost:4321/admin/"
call npm run dev
pause
