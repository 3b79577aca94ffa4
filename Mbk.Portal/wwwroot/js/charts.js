// Saves an inline SVG chart of the statistics page as a PNG image (white background, twice the size for print).
// The charts carry their colours and font as SVG attributes, so the serialized copy looks the same as on screen.
export function downloadPng(svgId, fileName) {
    const svg = document.getElementById(svgId);
    if (!svg) {
        return false;
    }
    const box = svg.viewBox.baseVal;
    const width = box && box.width ? box.width : svg.clientWidth;
    const height = box && box.height ? box.height : svg.clientHeight;
    const copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(height));
    const source = new XMLSerializer().serializeToString(copy);
    const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
    const image = new Image();
    return new Promise((resolve, reject) => {
        image.onload = () => {
            const scale = 2;
            const canvas = document.createElement("canvas");
            canvas.width = Math.ceil(width * scale);
            canvas.height = Math.ceil(height * scale);
            const context = canvas.getContext("2d");
            context.fillStyle = "#ffffff";
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.scale(scale, scale);
            context.drawImage(image, 0, 0, width, height);
            URL.revokeObjectURL(url);
            canvas.toBlob((blob) => {
                const link = document.createElement("a");
                link.href = URL.createObjectURL(blob);
                link.download = fileName;
                document.body.appendChild(link);
                link.click();
                link.remove();
                setTimeout(() => URL.revokeObjectURL(link.href), 1000);
                resolve(true);
            }, "image/png");
        };
        image.onerror = () => {
            URL.revokeObjectURL(url);
            reject(new Error("Diagrammet kunde inte ritas som bild."));
        };
        image.src = url;
    });
}
