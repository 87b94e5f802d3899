export function NotFoundPage() {
  return (
    <section>
      <h1 tabIndex={-1}>ไม่พบหน้านี้</h1>
      <p>
        ที่อยู่นี้ไม่มีในแอป <a href="/">กลับหน้าแรก</a>
      </p>
    </section>
  );
}
