<?xml version="1.0" encoding="UTF-8"?>
<!-- messages.ru.xsl: the Russian catalog.  Messages are elements named by their key; same keys as messages.en.xsl (a test checks). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="messages-ru">
    <site.name>Личный кабинет</site.name>
    <site.footer>Личный кабинет абонента. Вопросы по начислениям и оплате — в абонентский отдел вашей организации.</site.footer>
    <nav.label>Разделы</nav.label>
    <nav.home>Главная</nav.home>
    <nav.logout>Выйти</nav.logout>
    <lang.label>Язык</lang.label>

    <login.title>Вход в личный кабинет</login.title>
    <login.login>Логин</login.login>
    <login.password>Пароль</login.password>
    <login.submit>Войти</login.submit>
    <login.hint>Логин и пароль выдаёт ваша организация. Никому не сообщайте пароль — сотрудники его никогда не спрашивают.</login.hint>

    <home.title>Главная</home.title>
    <home.greeting>Здравствуйте</home.greeting>
    <home.login>Логин</home.login>
    <home.email>Электронная почта</home.email>
    <home.phone>Телефон</home.phone>
    <home.previous-login>Предыдущий вход</home.previous-login>
    <home.from-address>с адреса</home.from-address>
    <home.first-login>Это ваш первый вход</home.first-login>
    <home.not-you>Если предыдущий вход выполняли не вы, смените пароль и сообщите в организацию.</home.not-you>

    <error.login-required>Введите логин и пароль.</error.login-required>
    <error.bad-credentials>Неверный логин или пароль</error.bad-credentials>
    <error.locked>Слишком много неудачных попыток входа. Попробуйте снова через 15 минут.</error.locked>

    <error.incident>Номер обращения:</error.incident>
    <error.home>Перейти на главную</error.home>
    <error.generic.title>Ошибка</error.generic.title>
    <error.generic>Запрос не выполнен.</error.generic>
    <error.not-found.title>Страница не найдена</error.not-found.title>
    <error.not-found>Такой страницы нет или она вам недоступна. Проверьте адрес.</error.not-found>
    <error.method-not-allowed.title>Действие недоступно</error.method-not-allowed.title>
    <error.method-not-allowed>Эта страница не принимает такой запрос.</error.method-not-allowed>
    <error.csrf.title>Форма устарела</error.csrf.title>
    <error.csrf>Форма устарела или отправлена с другого сайта. Откройте страницу заново и повторите действие.</error.csrf>
    <error.bad-request.title>Некорректный запрос</error.bad-request.title>
    <error.bad-request>Запрос содержит недопустимые данные. Проверьте введённое и повторите.</error.bad-request>
    <error.too-large.title>Слишком большой запрос</error.too-large.title>
    <error.too-large>Отправлено слишком много данных. Сократите введённый текст и повторите.</error.too-large>
    <error.uri-too-long.title>Слишком длинный адрес</error.uri-too-long.title>
    <error.uri-too-long>Адрес страницы слишком длинный.</error.uri-too-long>
    <error.unsupported-media-type.title>Неподдерживаемый формат</error.unsupported-media-type.title>
    <error.unsupported-media-type>Форма отправлена в формате, который сайт не принимает.</error.unsupported-media-type>
    <error.db-down.title>Сервис временно недоступен</error.db-down.title>
    <error.db-down>Мы не можем обработать запрос прямо сейчас. Попробуйте через несколько минут.</error.db-down>
    <error.internal.title>Внутренняя ошибка</error.internal.title>
    <error.internal>Что-то пошло не так на нашей стороне. Попробуйте позже.</error.internal>
  </xsl:template>
</xsl:stylesheet>
