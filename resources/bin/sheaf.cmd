@echo off
rem Owns running the sheaf command shipped inside Sheaf on Windows (resources\sheaf\sheaf.mjs): by the system's
rem Node when there is one, else by Sheaf.exe as Node. Settings adds this folder to the user's PATH.
setlocal
set "COMMAND=%~dp0..\sheaf\sheaf.mjs"
where node >nul 2>nul
if %errorlevel%==0 (
  node "%COMMAND%" %*
) else (
  set ELECTRON_RUN_AS_NODE=1
  "%~dp0..\..\Sheaf.exe" "%COMMAND%" %*
)
exit /b %errorlevel%
