// Which Phaser renderer "auto" means. WebGL, unless the browser's WebGL is a software rasteriser
// (SwiftShader, llvmpipe, Microsoft Basic Render: virtual desktops and machines without a GPU, as in
// many training rooms): there the Canvas renderer draws the same map at 60 fps where WebGL manages
// about 35 (bench/client-frame.ts, bench/RESULTS.md).
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function isSoftwareRendererName(name: string): boolean {
  return SOFTWARE_GL.test(name);
}

/** The unmasked WebGL renderer name, "" when WebGL is missing or the name is hidden. */
export function webglRendererName(): string {
  try {
    const gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return "";
    const ext = gl.getExtension("WEBGL_debug_renderer_info");
    const name = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
    gl.getExtension("WEBGL_lose_context")?.loseContext(); // do not hold one of the page's few contexts
    return name;
  } catch {
    return "";
  }
}

export function autoRenderer(): "webgl" | "canvas" {
  const name = webglRendererName();
  return name && !isSoftwareRendererName(name) ? "webgl" : "canvas";
}
