// Owns the renderer's ambient types: Vite's (CSS imports, import.meta.env).
/// <reference types="vite/client" />
