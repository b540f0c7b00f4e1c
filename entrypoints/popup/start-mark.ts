// First module of the popup page: the render-time measure starts here (see main.tsx, markRendered).
performance.mark('liqlens:popup-start');
