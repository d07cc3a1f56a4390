<?xml version="1.0" encoding="UTF-8"?>
<!-- messages.ru.xsl: the Russian catalog.  Same keys as messages.en.xsl (a test checks). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:variable name="messages-ru">
    <m k="site.name">Личный кабинет</m>
    <m k="site.footer">Личный кабинет абонента. Вопросы по начислениям и оплате — в абонентский отдел вашей организации.</m>
    <m k="nav.label">Разделы</m>
    <m k="nav.home">Главная</m>
    <m k="nav.logout">Выйти</m>
    <m k="lang.label">Язык</m>

    <m k="login.title">Вход в личный кабинет</m>
    <m k="login.login">Логин</m>
    <m k="login.password">Пароль</m>
    <m k="login.submit">Войти</m>
    <m k="login.hint">Логин и пароль выдаёт ваша организация. Никому не сообщайте пароль — сотрудники его никогда не спрашивают.</m>

    <m k="home.title">Главная</m>
    <m k="home.greeting">Здравствуйте</m>
    <m k="home.login">Логин</m>
    <m k="home.email">Электронная почта</m>
    <m k="home.phone">Телефон</m>
    <m k="home.previous-login">Предыдущий вход</m>
    <m k="home.from-address">с адреса</m>
    <m k="home.first-login">Это ваш первый вход</m>
    <m k="home.not-you">Если предыдущий вход выполняли не вы, смените пароль и сообщите в организацию.</m>

    <m k="error.login-required">Введите логин и пароль.</m>
    <m k="error.bad-credentials">Неверный логин или пароль</m>
    <m k="error.locked">Слишком много неудачных попыток входа. Попробуйте снова через 15 минут.</m>

    <m k="error.incident">Номер обращения:</m>
    <m k="error.home">Перейти на главную</m>
    <m k="error.generic.title">Ошибка</m>
    <m k="error.generic">Запрос не выполнен.</m>
    <m k="error.not-found.title">Страница не найдена</m>
    <m k="error.not-found">Такой страницы нет или она вам недоступна. Проверьте адрес.</m>
    <m k="error.method-not-allowed.title">Действие недоступно</m>
    <m k="error.method-not-allowed">Эта страница не принимает такой запрос.</m>
    <m k="error.csrf.title">Форма устарела</m>
    <m k="error.csrf">Форма устарела или отправлена с другого сайта. Откройте страницу заново и повторите действие.</m>
    <m k="error.bad-request.title">Некорректный запрос</m>
    <m k="error.bad-request">Запрос содержит недопустимые данные. Проверьте введённое и повторите.</m>
    <m k="error.too-large.title">Слишком большой запрос</m>
    <m k="error.too-large">Отправлено слишком много данных. Сократите введённый текст и повторите.</m>
    <m k="error.uri-too-long.title">Слишком длинный адрес</m>
    <m k="error.uri-too-long">Адрес страницы слишком длинный.</m>
    <m k="error.unsupported-media-type.title">Неподдерживаемый формат</m>
    <m k="error.unsupported-media-type">Форма отправлена в формате, который сайт не принимает.</m>
    <m k="error.db-down.title">Сервис временно недоступен</m>
    <m k="error.db-down">Мы не можем обработать запрос прямо сейчас. Попробуйте через несколько минут.</m>
    <m k="error.internal.title">Внутренняя ошибка</m>
    <m k="error.internal">Что-то пошло не так на нашей стороне. Попробуйте позже.</m>
  </xsl:variable>
</xsl:stylesheet>
